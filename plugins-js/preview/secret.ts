/**
 * The preview's per-run secret, as the page and the server name it: the server writes it into the page it serves
 * (a meta element, since the page's Content-Security-Policy allows no inline script), and the page sends it back in
 * a header with every Web API request. A header is what a page on another origin cannot add without a CORS
 * preflight, which the preview never grants. No Node or DOM here: both sides import it.
 */
export const SECRET_META = "e2c-preview-secret";
export const SECRET_HEADER = "X-E2C-Preview-Secret";
