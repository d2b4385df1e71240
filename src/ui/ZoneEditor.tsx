// Edit the selected zone: name, colour, lock, bases and capacity, merge, delete.
import { useState } from 'react';
import * as S from '../model/scenario';
import { useShallow } from 'zustand/react/shallow';
import { useApp, useScenario } from '../state/store';
import { asZone } from '../../solver/model';
import { zoneLabel } from '../../solver/zoneLabel';

export function ZoneEditor() {
  const s = useScenario();
  const { z, splitting, edit, setActiveZone, setSplitting } = useApp(
    useShallow((st) => ({ z: st.activeZone, splitting: st.splitting, edit: st.edit, setActiveZone: st.setActiveZone, setSplitting: st.setSplitting })),
  );
  const [mergeFrom, setMergeFrom] = useState<number>(-1);
  const [baseToMove, setBaseToMove] = useState<number>(-1);
  const zone = s.zones[z];
  if (!zone) {
    return (
      <section className="panel zone-editor">
        <button type="button" onClick={() => edit((x) => S.addZone(x))}>Add zone</button>
      </section>
    );
  }
  const bases = s.bases.map((b, i) => ({ b, i })).filter(({ b }) => b.zone === z);
  const otherBases = s.bases.map((b, i) => ({ b, i })).filter(({ b }) => b.zone !== z);
  return (
    <section className="panel zone-editor" aria-labelledby="zone-editor-heading">
      <h2 id="zone-editor-heading">Zone {zone.id}</h2>
      <div className="form-row">
        <label>
          Name
          <input
            value={zone.name}
            onChange={(e) => edit((x) => S.updateZone(x, z, { name: e.target.value }))}
            data-testid="zone-name"
          />
        </label>
        <label>
          Colour
          <input type="color" value={zone.colour ?? '#888888'} onChange={(e) => edit((x) => S.updateZone(x, z, { colour: e.target.value }))} />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.lockedZones[z]}
            onChange={(e) => edit((x) => S.setZoneLock(x, z, e.target.checked))}
            data-testid="zone-lock"
          />
          Locked
        </label>
      </div>
      {bases.map(({ b, i }) => (
        <div className="form-row" key={b.id}>
          <span className="base-name">{b.name}</span>
          <label>
            Capacity, h/week
            <input
              type="number"
              min={0}
              step={50}
              value={b.capacityHours}
              onChange={(e) => edit((x) => S.setBase(x, i, { capacityHours: Math.max(0, Number(e.target.value) || 0) }))}
            />
          </label>
        </div>
      ))}
      {otherBases.length > 0 && (
        <div className="form-row">
          <label>
            Move a base here
            <select value={baseToMove} onChange={(e) => setBaseToMove(Number(e.target.value))} aria-label="Base to move into this zone">
              <option value={-1}>choose a base…</option>
              {otherBases.map(({ b, i }) => (
                <option key={b.id} value={i}>
                  {b.name}
                  {b.zone >= 0 ? ` (zone ${s.zones[b.zone].id})` : ' (no zone)'}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={baseToMove < 0}
            onClick={() => {
              edit((x) => S.setBase(x, baseToMove, { zone: z }));
              setBaseToMove(-1);
            }}
          >
            Move
          </button>
        </div>
      )}
      <div className="form-row">
        {splitting === z ? (
          <>
            <span className="progress" role="status">Draw round the part of Zone {zone.id} to split off…</span>
            <button type="button" onClick={() => setSplitting(null)}>Cancel split</button>
          </>
        ) : (
          <button type="button" onClick={() => setSplitting(z)} disabled={s.lockedZones[z]}>
            Split off part of this zone…
          </button>
        )}
      </div>
      <div className="form-row">
        <label>
          Merge in
          <select value={mergeFrom} onChange={(e) => setMergeFrom(Number(e.target.value))}>
            <option value={-1}>choose a zone…</option>
            {s.zones.map((o, i) => (i === z ? null : <option key={o.id} value={i}>{zoneLabel(o)}</option>))}
          </select>
        </label>
        <button
          type="button"
          disabled={mergeFrom < 0}
          onClick={() => {
            edit((x) => S.mergeZones(x, z, asZone(mergeFrom)));
            setActiveZone(mergeFrom < z ? asZone(z - 1) : z);
            setMergeFrom(-1);
          }}
        >
          Merge
        </button>
      </div>
      <div className="form-row">
        <button type="button" onClick={() => { edit((x) => S.addZone(x)); setActiveZone(asZone(s.zones.length)); }}>
          Add zone
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            edit((x) => S.deleteZone(x, z));
            setActiveZone(asZone(Math.max(0, z - 1)));
          }}
        >
          Delete zone
        </button>
      </div>
      <p className="hint">Split: draw round the part to split off (lasso, box or brush); it becomes a new zone. Deleted zones leave their units unassigned.</p>
    </section>
  );
}
