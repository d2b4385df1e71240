// Painting without the mouse, shown while the Keys tool is on: find a unit by
// name, code, town or postcode sector (a combobox, WAI-ARIA pattern), or step
// from unit to unit with the arrow keys on the map, then paint it (or its
// whole town) into the zone chosen in the toolbar, or lock it. The keys on the
// map are the keyboard paint handler's (src/map/paint/handlers.ts); the
// buttons here do the same for anyone not on the map. Where the cursor is, is
// announced in a polite live region.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { searchUnits } from '../model/unitSearch';
import { isUnitLocked } from '../model/scenario';
import { getMapInstance } from '../map/mapInstance';
import { zoneLabel } from '../../solver/zoneLabel';
import { useApp, useScenario } from '../state/store';

const focusMap = () => getMapInstance()?.getCanvas().focus();

export function KeyboardPaint() {
  const { project, tool, cursor, activeZone, setCursor, paintAtCursor, toggleCursorLock } = useApp(
    useShallow((st) => ({
      project: st.project, tool: st.tool, cursor: st.cursorUnit, activeZone: st.activeZone,
      setCursor: st.setCursor, paintAtCursor: st.paintAtCursor, toggleCursorLock: st.toggleCursorLock,
    })),
  );
  const s = useScenario();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [option, setOption] = useState(0);
  const id = useId();
  const hits = useMemo(() => (project && tool === 'cursor' ? searchUnits(project, query) : []), [project, tool, query]);
  if (!project || tool !== 'cursor') return null;
  const { units, towns } = project.model;
  const target = activeZone >= 0 ? s.zones[activeZone] : null;
  const targetName = target ? zoneLabel(target) : 'Unassigned';
  const town = cursor !== null ? units.town[cursor] : -1;
  const listOpen = open && hits.length > 0;

  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    setCursor(hit.unit);
    setOpen(false);
    focusMap();
  };
  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = hits.length;
      if (n === 0) return;
      if (!listOpen) setOpen(true);
      else setOption((o) => (e.key === 'ArrowDown' ? (o + 1) % n : (o - 1 + n) % n));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(option);
    } else if (e.key === 'Escape' && listOpen) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const zone = cursor !== null ? s.zoneOf[cursor] : -1;
  const where =
    cursor === null
      ? 'No unit chosen: find one here, or press an arrow key on the map to start in the middle of the county.'
      : `${units.names[cursor]} (${units.ids[cursor]}): ${zone >= 0 ? `zone ${zoneLabel(s.zones[zone])}` : 'in no zone'}` +
        `${town >= 0 ? `, in ${towns[town].name}` : ''}${isUnitLocked(s, cursor) ? ', locked' : ''}.`;

  return (
    <section className="keyboard-paint" aria-labelledby={`${id}-heading`} data-testid="keyboard-paint">
      <h2 id={`${id}-heading`}>Paint with the keyboard</h2>
      <label htmlFor={`${id}-search`}>Find a unit by name, code, town or postcode sector</label>
      <div className="unit-search">
        <input
          id={`${id}-search`}
          type="text"
          role="combobox"
          aria-expanded={listOpen}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={listOpen ? `${id}-hit-${option}` : undefined}
          autoComplete="off"
          value={query}
          data-testid="unit-search"
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setOption(0);
          }}
          onKeyDown={onSearchKey}
          onBlur={() => setOpen(false)}
        />
        <ul id={`${id}-list`} role="listbox" aria-label="Matching units" hidden={!listOpen} className="unit-hits">
          {hits.map((h, i) => {
            const z = s.zoneOf[h.unit];
            return (
              <li
                key={h.unit}
                id={`${id}-hit-${i}`}
                role="option"
                aria-selected={i === option}
                className={i === option ? 'active' : undefined}
                onMouseDown={(e) => {
                  // Keeps focus in the box until the pick moves it to the map.
                  e.preventDefault();
                  pick(i);
                }}
              >
                <b>{units.names[h.unit]}</b>{' '}
                <span className="muted">
                  {units.ids[h.unit]} · {z >= 0 ? `zone ${zoneLabel(s.zones[z])}` : 'no zone'} · {h.why}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
      {query.trim().length >= 2 && hits.length === 0 && <p className="hint">No unit matches “{query}”.</p>}
      <p role="status" className="cursor-where" data-testid="cursor-where">{where}</p>
      <p className="hint">
        On the map: arrow keys move to the next unit that way; Enter paints it into {targetName}; Shift+Enter paints its
        whole town; Space locks or unlocks it; Esc takes the cursor away.
      </p>
      <div className="form-row">
        <button type="button" disabled={cursor === null} onClick={() => paintAtCursor(false)}>
          Paint unit into {targetName}
        </button>
        <button type="button" disabled={cursor === null || town < 0} onClick={() => paintAtCursor(true)}>
          Paint {town >= 0 ? towns[town].name : 'its town'} into {targetName}
        </button>
        <button type="button" disabled={cursor === null} onClick={toggleCursorLock}>
          {cursor !== null && s.lockedUnits[cursor] ? 'Unlock unit' : 'Lock unit'}
        </button>
        <button type="button" onClick={focusMap}>Back to the map</button>
      </div>
    </section>
  );
}
