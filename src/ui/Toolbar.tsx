// Editing tools above the map: which zone to paint, how, and undo/redo.
import { useShallow } from 'zustand/react/shallow';
import { useApp, useScenario, type Tool } from '../state/store';
import { asZone } from '../../solver/model';
import { zoneLabel } from '../../solver/zoneLabel';

const TOOLS: Array<{ tool: Tool; label: string; key: string; hint: string }> = [
  { tool: 'pan', label: 'Pan', key: 'H', hint: 'Move and zoom the map' },
  { tool: 'brush', label: 'Brush', key: 'B', hint: 'Click or drag to paint units into the zone' },
  { tool: 'box', label: 'Box', key: 'X', hint: 'Drag a rectangle to paint every unit in it' },
  { tool: 'lasso', label: 'Lasso', key: 'L', hint: 'Draw round units to paint them' },
  { tool: 'town', label: 'Town', key: 'T', hint: 'Click a town to move all of it' },
  { tool: 'lock', label: 'Lock', key: 'K', hint: 'Click or drag over units to lock them (or unlock them if the first is locked)' },
  { tool: 'cursor', label: 'Keys', key: 'C', hint: 'Paint with the keyboard: find a unit, or move over units with the arrow keys, and press Enter' },
];

export function Toolbar() {
  const s = useScenario();
  const { tool, setTool, brushPx, setBrushPx, activeZone, setActiveZone, undo, redo, canUndo, canRedo } = useApp(
    useShallow((st) => ({
      tool: st.tool, setTool: st.setTool, brushPx: st.brushPx, setBrushPx: st.setBrushPx, activeZone: st.activeZone,
      setActiveZone: st.setActiveZone, undo: st.undo, redo: st.redo,
      canUndo: st.history.past.length > 0, canRedo: st.history.future.length > 0,
    })),
  );
  const zone = s.zones[activeZone];
  return (
    <div className="toolbar" role="toolbar" aria-label="Editing tools">
      <label className="zone-pick">
        Paint into
        <span className="swatch" style={{ background: zone?.colour }} aria-hidden="true" />
        <select
          value={activeZone}
          onChange={(e) => setActiveZone(asZone(Number(e.target.value)))}
          aria-label="Zone to paint into"
          data-testid="active-zone"
        >
          {s.zones.map((z, i) => (
            <option key={z.id} value={i}>
              {zoneLabel(z)}
              {s.lockedZones[i] ? ' (locked)' : ''}
            </option>
          ))}
          <option value={-1}>Unassigned</option>
        </select>
      </label>
      <div className="tool-group" role="group" aria-label="Tool">
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            className={tool === t.tool ? 'active' : ''}
            aria-pressed={tool === t.tool}
            title={`${t.hint} (${t.key})`}
            onClick={() => setTool(t.tool)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <label className="brush-size" title="Brush size in screen pixels ([ and ])">
        Brush
        <input type="range" min={2} max={60} value={brushPx} onChange={(e) => setBrushPx(Number(e.target.value))} />
      </label>
      <div className="tool-group" role="group" aria-label="History">
        <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z or Ctrl+Y)">
          Redo
        </button>
      </div>
    </div>
  );
}
