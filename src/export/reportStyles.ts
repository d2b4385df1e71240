// Print styles of the lot report: A4 portrait, a page per lot, system fonts
// only (nothing fetched, so it prints offline).
export const REPORT_CSS = `
@page { size: A4 portrait; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 10pt; color: #1d2830; }
body { margin: 0; }
@media screen { body { background: #e9edf0; } .page { background: #fff; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 12mm; box-shadow: 0 1px 6px rgba(0,0,0,.2); } }
.page + .page { break-before: page; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; margin: 0 0 3mm; display: flex; align-items: center; gap: 3mm; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; border-bottom: 1px solid #c9d2d8; padding-bottom: 1mm; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8pt; color: #5a6872; margin: 0 0 1mm; }
.sub { color: #5a6872; margin: 0 0 4mm; }
.swatch { width: 6mm; height: 6mm; flex: none; }
svg.map { display: block; margin: 0 auto; max-width: 100%; height: auto; border: 1px solid #c9d2d8; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 0.7mm 1.4mm; border-bottom: 1px solid #e1e6ea; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
thead th { font-size: 8.5pt; color: #5a6872; border-bottom: 1px solid #9aa8b2; }
tfoot td, tfoot th { font-weight: 700; border-top: 1px solid #9aa8b2; }
.figures { font-size: 9pt; }
.figures th { font-weight: 400; color: #3d4a53; }
.figures td { font-weight: 600; text-align: right; }
.figures th, .figures td { padding-top: 0.45mm; padding-bottom: 0.45mm; }
p.mix { margin: 2mm 0 0; font-size: 9pt; font-weight: 600; }
p.mix span { font-weight: 400; color: #3d4a53; }
ul.bases { margin: 0; padding-left: 4mm; font-size: 9pt; }
.cover-map { margin: 1mm 0 2mm; }
.cover .note { margin: 1mm 0; }
.cover h1 { font-size: 15pt; }
.cover .sub { margin-bottom: 2mm; }
.summary { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin-bottom: 2mm; }
.summary div { border: 1px solid #c9d2d8; border-radius: 2mm; padding: 1mm 2.5mm; }
.summary b { display: block; font-size: 12pt; }
.summary span { font-size: 8pt; color: #5a6872; }
.cols { display: grid; grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr); gap: 4mm; }
.lots { font-size: 8.5pt; margin-top: 3mm; }
.lots td:first-child, .lots th:first-child { width: 5mm; padding-right: 0; }
.lots td.lot-name { white-space: nowrap; }
.lots td, .lots th { padding-top: 0.35mm; padding-bottom: 0.35mm; }
.lots .swatch, .sectors .swatch { width: 3.2mm; height: 3.2mm; display: block; }
.extra { font-size: 8pt; }
.extra td, .extra th { padding-top: 0.4mm; padding-bottom: 0.4mm; }
.extra td.why { color: #3d4a53; }
.extra td.area, .extra td.place { white-space: nowrap; }
.extra thead th.n { white-space: normal; }
.extra thead th.travel { width: 22mm; }
.sectors { columns: 3; column-gap: 2mm; list-style: none; padding: 0; margin: 0; font-size: 8.5pt; }
.sectors li { break-inside: avoid; white-space: nowrap; }
.sectors .split { color: #8a4b08; }
.note { font-size: 8.5pt; color: #5a6872; }
.warn { color: #8a4b08; }
ul.warn { margin: 2mm 0 0; padding-left: 5mm; font-size: 9pt; }
.page-foot { margin-top: 3mm; padding-top: 2mm; border-top: 1px solid #c9d2d8; font-size: 7.5pt; color: #5a6872; }
`;
