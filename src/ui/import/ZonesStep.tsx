// Current zones (lots), optional: from the users' zone column, a zone
// boundary file, or a list of postcode sectors / districts / unit ids per zone.
import type { ZoneListMapping } from '../../import/zones';
import type { ZonesDraft } from './draft';
import { ZONE_LIST_FIELDS, zoneListMappingProblem } from './fields';
import { FileField } from './FileField';
import { TableStep } from './TableStep';
import { BOUNDARY_ACCEPT } from './UnitsStep';

interface Props {
  zones: ZonesDraft;
  onChange(zones: ZonesDraft): void;
  /** Header of the users' zone column, or null when none is mapped. */
  usersZoneColumn: string | null;
  onBoundaryFile(file: File): void;
  onListFile(file: File): void;
  busy: boolean;
}

export function ZonesStep({ zones, onChange, usersZoneColumn, onBoundaryFile, onListFile, busy }: Props) {
  const set = (kind: ZonesDraft['kind']) => onChange({ ...zones, kind });
  const b = zones.boundary;
  return (
    <div className="import-step">
      <div className="step-intro">
        <p>The zones (lots) in force now, so scores and disruption compare against them. Optional: without them every unit starts unassigned.</p>
      </div>
      <fieldset className="choice">
        <legend>Current zones</legend>
        <label>
          <input type="radio" name="zones-kind" checked={zones.kind === 'none'} onChange={() => set('none')} />
          None: start with every unit unassigned
        </label>
        <label className={usersZoneColumn ? undefined : 'disabled'}>
          <input type="radio" name="zones-kind" checked={zones.kind === 'usersColumn'} disabled={!usersZoneColumn} onChange={() => set('usersColumn')} />
          From the service users’ zone column{usersZoneColumn ? ` (“${usersZoneColumn}”)` : ' (none mapped)'}
        </label>
        <label>
          <input type="radio" name="zones-kind" checked={zones.kind === 'boundary'} onChange={() => set('boundary')} />
          A zone boundary file (GeoJSON, TopoJSON or zipped Shapefile)
        </label>
        <label>
          <input type="radio" name="zones-kind" checked={zones.kind === 'list'} onChange={() => set('list')} />
          A CSV listing the postcode sectors, districts or unit ids in each zone
        </label>
      </fieldset>

      {zones.kind === 'boundary' && (
        <>
          <FileField label="Choose zone file…" accept={BOUNDARY_ACCEPT} testId="zones-file" file={b?.file ?? null} onFile={onBoundaryFile} disabled={busy} />
          {b && (
            <div className="mapping-fields">
              {(['id', 'name'] as const).map((key) => (
                <label key={key} className="mapping-field">
                  <span className="mapping-label">{key === 'id' ? 'Zone id' : 'Zone name'}</span>
                  <select data-field={`zone-${key}`} value={zones.fields[key] ?? ''} onChange={(e) => onChange({ ...zones, fields: { ...zones.fields, [key]: key === 'id' ? e.target.value : e.target.value || null } })}>
                    <option value="">(none)</option>
                    {b.info.propertyNames.map((p) => <option key={p} value={p}>{p}</option>)}
                  </select>
                </label>
              ))}
            </div>
          )}
        </>
      )}
      {zones.kind === 'list' && (
        <TableStep<ZoneListMapping>
          kind="zone-list"
          intro={<p className="hint">One row per area, or several areas in one cell separated by “;”.</p>}
          choice={zones.list}
          fields={ZONE_LIST_FIELDS}
          problem={zoneListMappingProblem}
          onFile={onListFile}
          onMapping={(mapping) => onChange({ ...zones, list: zones.list && { ...zones.list, mapping } })}
          busy={busy}
        />
      )}
    </div>
  );
}
