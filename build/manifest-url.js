/** The production origin of the add-in, and the manifest rewritten to it (the committed manifest uses localhost). */
"use strict";

const LOCAL_ORIGIN = "https://localhost:3000";

/** Normalises ZG_PUBLIC_URL-style input: null when empty; throws unless it is an https URL. */
function parsePublicUrl(raw) {
  if (!raw) return null;
  const url = String(raw).trim().replace(/\/+$/, "");
  if (!/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(url)) {
    throw new Error(`ZG_PUBLIC_URL 必须是 https 地址 / ZG_PUBLIC_URL must be an https URL: ${raw}`);
  }
  return url;
}

/**
 * Replaces the localhost origin everywhere in the manifest. AppDomain entries take the origin only (scheme, host
 * and port), because Office compares domains, not paths.
 */
function rewriteManifestUrls(xml, publicUrl) {
  if (!publicUrl) return xml;
  const origin = new URL(publicUrl).origin;
  return xml
    .replace(/(<AppDomain>)https:\/\/localhost:3000(<\/AppDomain>)/g, `$1${origin}$2`)
    .split(LOCAL_ORIGIN)
    .join(publicUrl);
}

module.exports = { LOCAL_ORIGIN, parsePublicUrl, rewriteManifestUrls };
