export declare const LOCAL_ORIGIN: string;
export declare function parsePublicUrl(raw: string | undefined | null): string | null;
export declare function rewriteManifestUrls(xml: string, publicUrl: string | null): string;
