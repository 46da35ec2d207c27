// Stand-in for office-addin-manifest under jest: office-addin-mock only needs the OfficeApp enum.
module.exports = { OfficeApp: { Excel: "excel", Word: "word", PowerPoint: "powerpoint", Outlook: "outlook", OneNote: "onenote", Project: "project" } };
