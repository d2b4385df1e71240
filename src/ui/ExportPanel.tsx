// Exports for procurement: a button per file (built in the browser from the
// working scenario, saved through a Blob; nothing is uploaded), the printable
// lot report in a new tab, and the overview map as a PNG.
import { useState } from 'react';
import { useApp } from '../state/store';
import { EXPORTS, buildExport, exportFileName, fileSlug, type ExportKind } from '../export/files';
import { exportData } from '../export/exportData';
import { lotReportFrom } from '../export/lotReport';
import { mapPngSheet } from '../export/mapPng';
import { REPORT_CSS } from '../export/reportStyles';
import { downloadBlob } from './download';
import { svgToPng } from './svgToPng';

/** The working scenario's inputs, or null before a project is open. */
function inputs() {
  const s = useApp.getState();
  return s.project ? { project: s.project, scenario: s.history.present, settings: s.settings } : null;
}

/**
 * Opens the lot report in a new tab and asks the browser to print it. The tab
 * is a blob: page and inherits the app's Content-Security-Policy, which allows
 * no inline <style>, so the report goes without one and its stylesheet is
 * adopted as a constructed sheet (which that policy does not govern).
 */
function printReport(): string | null {
  const i = inputs();
  if (!i) return null;
  const html = lotReportFrom(exportData(i.project, i.scenario, i.settings), { omitStyles: true });
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const tab = window.open(url, '_blank');
  if (!tab) {
    URL.revokeObjectURL(url);
    return 'The browser blocked the report tab. Allow pop-ups for this page, or save the lot report file and print it.';
  }
  tab.addEventListener('load', () => {
    // A constructed sheet must come from the document that adopts it.
    const sheet = new (tab as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(REPORT_CSS);
    tab.document.adoptedStyleSheets = [sheet];
    URL.revokeObjectURL(url);
    tab.focus();
    tab.print();
  });
  return null;
}

/** The overview map with its title, legend, scale and north arrow, as a PNG at twice its size. */
async function saveMapPng(): Promise<string | null> {
  const i = inputs();
  if (!i) return null;
  const sheet = mapPngSheet(exportData(i.project, i.scenario, i.settings));
  if (!sheet) return 'No zone has any units, so there is no map to save.';
  downloadBlob(await svgToPng(sheet.svg, sheet.width, sheet.height), `carezones-map-${fileSlug(i.scenario.name)}.png`);
  return null;
}

export function ExportPanel() {
  const scenarioName = useApp((s) => s.history.present.name);
  const [message, setMessage] = useState<string | null>(null);

  const save = (kind: ExportKind) => {
    const i = inputs();
    if (!i) return;
    try {
      const file = buildExport(kind, i.project, i.scenario, i.settings);
      downloadBlob(new Blob([file.text], { type: file.mime }), file.name);
      const first = file.warnings.slice(0, 3).join(' ');
      const more = file.warnings.length > 3 ? ` And ${file.warnings.length - 3} more.` : '';
      setMessage(file.warnings.length ? `${file.name} was saved, but check it in a GIS before the tender: ${first}${more}` : null);
    } catch (e) {
      setMessage(`Could not export: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="panel export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Export for the tender</h2>
      <div className="export-buttons">
        {EXPORTS.map((spec) => (
          <button key={spec.kind} type="button" data-export={spec.kind} title={exportFileName(spec, scenarioName)} onClick={() => save(spec.kind)}>
            {spec.label}
          </button>
        ))}
        <button type="button" data-export="print" onClick={() => setMessage(printReport())}>
          Print lot report
        </button>
        <button
          type="button"
          data-export="png"
          onClick={() => saveMapPng().then(setMessage, (e: unknown) => setMessage(`Could not save the map: ${e instanceof Error ? e.message : String(e)}`))}
        >
          Map as PNG
        </button>
      </div>
      {message && (
        <p className="hint error" role="alert">
          {message}
        </p>
      )}
      <p className="hint">
        Files hold zone and area totals only, never a service user's row, and no figure about an area with fewer service users
        than the privacy minimum (Rates and rules). They are made on this computer.
      </p>
    </section>
  );
}
