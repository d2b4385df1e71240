// Key to the map, with the choice of what colours the units and, colouring by
// zone, of the zone palette (standard or colour-blind safe). Zone colours are
// keyed in the zone table; a score mode gets its colour classes here.
import { useStore } from 'zustand';
import { colourScale, NO_DATA_COLOUR } from '../map/colourScale';
import { COLOUR_MODES, useColourMode, type ColourMode } from '../state/colourMode';
import { scoreStore } from '../state/useScores';
import { paletteOf, PALETTES, type PaletteKind } from '../model/palette';
import { useApp, useScenario } from '../state/store';

const MODE_NAMES: Record<ColourMode, string> = {
  zone: 'Zone',
  hours: 'Weekly hours',
  density: 'Hours density',
  rurality: 'Rurality',
  travel: 'Travel from base',
  waiting: 'People waiting',
  extraRural: 'Extra-rural score',
};

function ScaleRows({ mode }: { mode: Exclude<ColourMode, 'zone'> }) {
  const state = useStore(scoreStore, (s) => s.update?.state);
  if (!state) return null;
  const scale = colourScale(state, mode);
  return (
    <div className="legend-scale" data-testid="legend-scale">
      <div className="legend-title">{scale.title}</div>
      {scale.colours.map((c, i) => (
        <div className="legend-row" key={c}>
          <span className="swatch" style={{ background: c }} aria-hidden="true" /> {scale.labels[i]}
        </div>
      ))}
      {(mode === 'travel' || mode === 'density') && (
        <div className="legend-row">
          <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
          {mode === 'travel' ? 'No zone or no base' : 'No area'}
        </div>
      )}
    </div>
  );
}

/** The palette the working scenario's zones take their colours from; choosing one recolours them (one undo step). */
function ZonePalette() {
  const zones = useScenario().zones;
  const recolour = useApp((s) => s.recolourZones);
  const kind = paletteOf(zones.map((z) => z.colour));
  return (
    <label className="legend-mode">
      Zone colours
      <select value={kind ?? 'own'} onChange={(e) => recolour(e.target.value as PaletteKind)} data-testid="zone-palette">
        {(Object.keys(PALETTES) as PaletteKind[]).map((k) => (
          <option key={k} value={k}>{PALETTES[k].label}</option>
        ))}
        {kind === null && <option value="own" disabled>Chosen by hand</option>}
      </select>
    </label>
  );
}

export function MapLegend() {
  const mode = useColourMode((s) => s.mode);
  const setMode = useColourMode((s) => s.setMode);
  return (
    <div className="legend" aria-label="Map legend">
      <label className="legend-mode">
        Colour by
        <select value={mode} onChange={(e) => setMode(e.target.value as ColourMode)} data-testid="colour-mode">
          {COLOUR_MODES.map((m) => (
            <option key={m} value={m}>{MODE_NAMES[m]}</option>
          ))}
        </select>
      </label>
      {mode === 'zone' ? <ZonePalette /> : <ScaleRows mode={mode} />}
      <div className="legend-row">
        <span className="hatch-swatch" aria-hidden="true" /> Extra-rural rate
      </div>
      <div className="legend-row">
        <span className="legend-diamond" aria-hidden="true" />
        <span className="zone-number legend-number" aria-hidden="true">10</span> Provider base of zone 10
      </div>
      <div className="legend-row">
        <span className="legend-line zone" aria-hidden="true" /> Zone boundary
      </div>
      <div className="legend-row">
        <span className="legend-line unit" aria-hidden="true" /> Unit (LSOA) boundary
      </div>
      {mode === 'zone' && (
        <div className="legend-row">
          <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" /> Not in any zone
        </div>
      )}
    </div>
  );
}
