// Units: H3 hexagons at a chosen size, or polygons from a boundary file with
// the id, name and rurality properties picked (guessed first).
import { h3ResolutionOptions } from '../../import/hexUnits';
import type { UnitFieldMapping } from '../../import/units';
import type { BoundaryChoice, UnitsDraft } from './draft';
import { FileField } from './FileField';

export const BOUNDARY_ACCEPT = '.geojson,.json,.topojson,.zip,application/geo+json,application/json,application/zip';

interface Props {
  units: UnitsDraft;
  onChange(units: UnitsDraft): void;
  /** km² round the service users' points, once worked out; null when unknown. */
  usersAreaKm2: number | null;
  onBoundaryFile(file: File, use: 'units' | 'cover'): void;
  busy: boolean;
}

const number = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function UnitsStep({ units, onChange, usersAreaKm2, onBoundaryFile, busy }: Props) {
  const area = units.cover ? units.cover.info.areaKm2 : usersAreaKm2;
  return (
    <div className="import-step">
      <div className="step-intro">
        <p>Units are the small areas that move between zones. Service users are counted in the unit they live in.</p>
      </div>
      <fieldset className="choice">
        <legend>Units</legend>
        <label>
          <input type="radio" name="units-kind" checked={units.kind === 'h3'} onChange={() => onChange({ ...units, kind: 'h3' })} />
          Hexagons (H3), the same size everywhere
        </label>
        <label>
          <input type="radio" name="units-kind" checked={units.kind === 'boundary'} onChange={() => onChange({ ...units, kind: 'boundary' })} />
          Areas from a boundary file (LSOAs, wards, postcode sectors…): GeoJSON, TopoJSON or zipped Shapefile
        </label>
      </fieldset>

      {units.kind === null ? (
        <p className="hint">Choose one: hexagons need no file; a boundary file gives the areas your council already uses.</p>
      ) : units.kind === 'h3' ? (
        <>
          <fieldset className="choice">
            <legend>Area to cover with hexagons</legend>
            <label>
              <input type="radio" name="hex-cover" checked={units.cover === null} onChange={() => onChange({ ...units, cover: null })} />
              The service users’ area: the outline round all placed users, widened by 2 km
              {usersAreaKm2 !== null && <span className="muted"> ({number(usersAreaKm2)} km²)</span>}
            </label>
            <div className="file-row">
              <FileField label="Cover a boundary file instead…" accept={BOUNDARY_ACCEPT} testId="hex-cover-file" file={units.cover?.file ?? null} onFile={(f) => onBoundaryFile(f, 'cover')} disabled={busy} />
              {units.cover && <span className="muted">{number(units.cover.info.areaKm2)} km²</span>}
            </div>
          </fieldset>
          <table className="resolution-table" data-testid="resolutions">
            <thead>
              <tr><th></th><th>Resolution</th><th className="num">Cell area</th><th className="num">Edge</th><th className="num">Cells (estimate)</th></tr>
            </thead>
            <tbody>
              {h3ResolutionOptions(area ?? 0).map((o) => (
                <tr key={o.resolution} className={o.resolution === units.resolution ? 'chosen' : undefined}>
                  <td>
                    <input
                      type="radio"
                      name="resolution"
                      aria-label={`Resolution ${o.resolution}`}
                      data-resolution={o.resolution}
                      checked={o.resolution === units.resolution}
                      onChange={() => onChange({ ...units, resolution: o.resolution })}
                    />
                  </td>
                  <td>{o.resolution}</td>
                  <td className="num">{number(o.cellAreaKm2, o.cellAreaKm2 < 1 ? 2 : 1)} km²</td>
                  <td className="num">{number(o.edgeKm, 1)} km</td>
                  <td className="num">{area === null ? '…' : `≈ ${number(o.estimatedCells)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {area === null && <p className="hint">The cell counts appear once the service users file is chosen and mapped.</p>}
        </>
      ) : (
        <BoundaryUnits units={units} onChange={onChange} onFile={(f) => onBoundaryFile(f, 'units')} busy={busy} />
      )}
    </div>
  );
}

function BoundaryUnits({ units, onChange, onFile, busy }: { units: UnitsDraft; onChange(u: UnitsDraft): void; onFile(f: File): void; busy: boolean }) {
  const b: BoundaryChoice | null = units.boundary;
  const pick = (key: keyof UnitFieldMapping, label: string) => (
    <label className="mapping-field">
      <span className="mapping-label">{label}</span>
      <select data-field={`unit-${key}`} value={units.fields[key] ?? ''} onChange={(e) => onChange({ ...units, fields: { ...units.fields, [key]: e.target.value || null } })}>
        <option value="">(none)</option>
        {b!.info.propertyNames.map((p) => (
          <option key={p} value={p}>{p}{b!.info.sample[0]?.[p] ? ` (e.g. ${b!.info.sample[0][p].slice(0, 30)})` : ''}</option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <FileField label="Choose boundary file…" accept={BOUNDARY_ACCEPT} testId="units-file" file={b?.file ?? null} onFile={onFile} disabled={busy} />
      {b && (
        <>
          <p className="hint">
            {number(b.info.featureCount)} polygons, {number(b.info.areaKm2)} km²
            {b.info.invalidFeatures > 0 && `; ${number(b.info.invalidFeatures)} invalid features will be left out (listed in the report)`}.
          </p>
          <div className="mapping-fields">
            {pick('id', 'Unit id (unique)')}
            {pick('name', 'Unit name')}
            {pick('ruc', 'Rurality (ONS RUC11 code)')}
          </div>
          {!units.fields.ruc && <p className="hint">Without a rurality property, rurality comes from the postcode lookup or from service-user density (explained in the report).</p>}
        </>
      )}
    </>
  );
}
