/**
 * Server-side world choropleth: renders a static SVG string (no tiles, no client JavaScript).
 *
 * Used by the help finder (services per country) and by progress dashboards (scores per country).
 * See README.md in this folder for the CSS the page must provide and the design notes.
 *
 * How it works
 *   - Country shapes come from world-atlas `countries-110m.json` (Natural Earth 1:110m TopoJSON).
 *     The JSON is read with `fs` on first use (never bundled: it is resolved from node_modules with
 *     createRequire, which works under the Vite SSR build, vitest and tsx alike) and the parsed
 *     topology is kept for the life of the process.
 *   - Geometry is projected once per viewBox width with d3-geo `geoEqualEarth` (Antarctica left
 *     out), simplified on the shared TopoJSON arcs (Douglas–Peucker in screen space, so borders
 *     between neighbours stay identical and no slivers appear), rounded to 0.1 unit and written
 *     as compact relative path data. The result is cached: every request reuses the same strings.
 *   - Countries and territories that are too small for the 1:110m data (Tuvalu, Malta, Singapore…)
 *     are drawn as small circles when they are in the data. Their positions come from the 1:50m
 *     file (read once, only when first needed, then dropped) or, for the few places missing from
 *     both files, from a short table of coordinates below. Codes with no known position are
 *     skipped without error.
 *   - Map features without an ISO 3166-1 numeric id (Kosovo, N. Cyprus, Somaliland in world-atlas)
 *     have no code: they are always drawn as background. Kosovo (XK) data is shown as a circle.
 *   - Only class names are used for colours (no style attributes, no <style>; our CSP forbids
 *     inline styles), so the page CSS colours `.bucket-0`, `.map-bg`, `.map-none`, etc.
 */
export { renderWorldMap, renderLegendList, legendItems, classifyValue, escapeXml, BACKGROUND_CLASS, DEFAULT_NO_DATA_CLASS, HIGHLIGHT_CLASS, type MapDatum, type MapOptions } from './render';
