/** Key to the map's symbols (the zone colours are keyed in the zone table). */
export function MapLegend() {
  return (
    <div className="legend" aria-label="Map legend">
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
      <div className="legend-row">
        <span className="swatch" style={{ background: '#d9d9d9' }} aria-hidden="true" /> Not in any zone
      </div>
    </div>
  );
}
