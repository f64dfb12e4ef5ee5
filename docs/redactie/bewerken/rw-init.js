/* Decap CMS starts only after rw-yaml.js has registered the Routewijzer YAML format (an external
 * file, because the editor's policy allows no inline script). */
window.CMS_MANUAL_INIT = true;
