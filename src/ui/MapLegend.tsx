// Key to the map, with the choice of what colours the units. Zone colours are
// keyed in the zone table; a score mode gets its colour classes here.
import { useStore } from 'zustand';
import { colourScale, NO_DATA_COLOUR } from '../map/colourScale';
import { COLOUR_MODES, useColourMode, type ColourMode } from '../state/colourMode';
import { scoreStore } from '../state/useScores';

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
      {mode !== 'zone' && <ScaleRows mode={mode} />}
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
