// Charts drawn on the server as SVG: no chart library, no script, and readable in any browser and in a printout.
// Every chart carries its numbers as text (and a table under "Xem số liệu"), so an officer can copy them to Excel
// and a screen reader can read them. Colours and sizes come from console.css classes (no inline style: CSP).
import { vnNumber, vnPercent } from "./format";

export interface BarItem {
  label: string;
  value: number;
  /** Drawn in the warning colour (e.g. below the framework's minimum). */
  warn?: boolean;
  /** Text after the value ("12,5 điểm"); defaults to "count (percent of total)". */
  note?: string;
}

const LABEL_WIDTH = 230;
const BAR_AREA = 270;
const ROW = 28;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Horizontal bars, one per item: answers per option, indicators per unit, communes ranked. Drawn twice: labels
 * beside the bars for a laptop, above them for a phone (a 630-unit drawing on a 390-pixel screen would shrink its
 * text to 7 pixels); console.css shows one or the other by screen width. The numbers are the same in both.
 */
export function BarChart(props: { title: string; items: BarItem[]; total?: number; max?: number }) {
  return (
    <div class="bar-chart">
      <div class="wide">
        <WideBarChart {...props} />
      </div>
      <div class="narrow">
        <StackedBarChart {...props} />
      </div>
    </div>
  );
}

function WideBarChart(props: { title: string; items: BarItem[]; total?: number; max?: number }) {
  const total = props.total ?? props.items.reduce((sum, item) => sum + item.value, 0);
  const max = props.max ?? Math.max(1, ...props.items.map((item) => item.value));
  const height = Math.max(1, props.items.length) * ROW + 8;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${LABEL_WIDTH + BAR_AREA + 130} ${height}`}
        role="img"
        aria-label={props.title}
        preserveAspectRatio="xMinYMin meet"
      >
        <title>{props.title}</title>
        {props.items.map((item, index) => {
          const y = index * ROW + 4;
          const width = max > 0 ? Math.max(item.value > 0 ? 2 : 0, (item.value / max) * BAR_AREA) : 0;
          const note = item.note ?? `${vnNumber(item.value)} (${vnPercent(item.value, total)})`;
          return (
            <g>
              <text x={LABEL_WIDTH - 8} y={y + 17} class="chart-label" text-anchor="end">
                <title>{item.label}</title>
                {clip(item.label, 34)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 4} width={BAR_AREA} height={ROW - 10} class="chart-track" rx="3" />
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={width.toFixed(1)}
                height={ROW - 10}
                class={item.warn ? "chart-bar warn" : "chart-bar"}
                rx="3"
              />
              <text x={LABEL_WIDTH + BAR_AREA + 8} y={y + 17} class="chart-value">
                {note}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable items={props.items} total={total} />
    </figure>
  );
}

const STACKED_WIDTH = 360;
const VALUE_ROOM = 112;
const STACKED_ROW = 42;

/** Each label on its own line above its bar: for narrow screens. */
function StackedBarChart(props: { title: string; items: BarItem[]; total?: number; max?: number }) {
  const total = props.total ?? props.items.reduce((sum, item) => sum + item.value, 0);
  const max = props.max ?? Math.max(1, ...props.items.map((item) => item.value));
  const area = STACKED_WIDTH - VALUE_ROOM;
  const height = Math.max(1, props.items.length) * STACKED_ROW + 4;
  return (
    <figure class="chart stacked">
      <svg viewBox={`0 0 ${STACKED_WIDTH} ${height}`} role="img" aria-label={props.title}>
        <title>{props.title}</title>
        {props.items.map((item, index) => {
          const y = index * STACKED_ROW;
          const width = max > 0 ? Math.max(item.value > 0 ? 2 : 0, (Math.min(item.value, max) / max) * area) : 0;
          return (
            <g>
              <text x="0" y={y + 15} class="chart-label">
                <title>{item.label}</title>
                {clip(item.label, 46)}
              </text>
              <rect x="0" y={y + 21} width={area} height="14" class="chart-track" rx="3" />
              <rect
                x="0"
                y={y + 21}
                width={width.toFixed(1)}
                height="14"
                class={item.warn ? "chart-bar warn" : "chart-bar"}
                rx="3"
              />
              <text x={area + 6} y={y + 33} class="chart-value">
                {item.note ?? `${vnNumber(item.value)} (${vnPercent(item.value, total)})`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function DataTable(props: { items: BarItem[]; total: number }) {
  return (
    <details class="chart-data">
      <summary>Xem số liệu</summary>
      <table>
        <tbody>
          {props.items.map((item) => (
            <tr>
              <th scope="row">{item.label}</th>
              <td class="num">{vnNumber(item.value)}</td>
              <td class="num">{item.note ?? vnPercent(item.value, props.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export interface SeriesPoint {
  /** The x label ("09/11"). */
  label: string;
  value: number;
}

/** Columns over time (responses per day, messages sent per hour); labels thinned so they never overlap. */
export function ColumnChart(props: { title: string; points: SeriesPoint[]; unit?: string }) {
  const width = 640;
  const height = 220;
  const left = 44;
  const bottom = 28;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 12;
  const max = Math.max(1, ...props.points.map((p) => p.value));
  const step = props.points.length > 0 ? plotWidth / props.points.length : plotWidth;
  const labelEvery = Math.max(1, Math.ceil(props.points.length / 10));
  const ticks = [0, Math.round(max / 2), max];
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title}>
        <title>{props.title}</title>
        {ticks.map((tick) => {
          const y = 12 + plotHeight - (tick / max) * plotHeight;
          return (
            <g>
              <line x1={left} x2={width - 8} y1={y} y2={y} class="chart-grid" />
              <text x={left - 6} y={y + 4} class="chart-axis" text-anchor="end">
                {vnNumber(tick)}
              </text>
            </g>
          );
        })}
        {props.points.map((point, index) => {
          const barHeight = (point.value / max) * plotHeight;
          const x = left + index * step + step * 0.15;
          return (
            <g>
              <rect
                x={x.toFixed(1)}
                y={(12 + plotHeight - barHeight).toFixed(1)}
                width={Math.max(1, step * 0.7).toFixed(1)}
                height={barHeight.toFixed(1)}
                class="chart-bar"
              >
                <title>{`${point.label}: ${vnNumber(point.value)}${props.unit ? ` ${props.unit}` : ""}`}</title>
              </rect>
              {index % labelEvery === 0 ? (
                <text x={(x + step * 0.35).toFixed(1)} y={height - 8} class="chart-axis" text-anchor="middle">
                  {point.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <DataTable
        items={props.points.map((p) => ({ label: p.label, value: p.value }))}
        total={props.points.reduce((sum, p) => sum + p.value, 0)}
      />
    </figure>
  );
}

export interface ProgressPart {
  label: string;
  value: number;
  /** A console.css class: "done", "failed", "pending", "skipped". */
  kind: string;
}

/** One bar split into parts (sent / failed / waiting), with a legend of counts. */
export function ProgressBar(props: { title: string; parts: ProgressPart[]; total?: number }) {
  const total = props.total ?? props.parts.reduce((sum, p) => sum + p.value, 0);
  const width = 600;
  let x = 0;
  return (
    <figure class="chart progress">
      <svg viewBox={`0 0 ${width} 22`} role="img" aria-label={props.title} preserveAspectRatio="none">
        <title>{props.title}</title>
        <rect x="0" y="0" width={width} height="22" class="chart-track" rx="4" />
        {props.parts.map((part) => {
          const w = total > 0 ? (part.value / total) * width : 0;
          const rect = <rect x={x.toFixed(1)} y="0" width={w.toFixed(1)} height="22" class={`part ${part.kind}`} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption class="legend">
        {props.parts.map((part) => (
          <span class={`key ${part.kind}`}>
            {part.label}: <strong>{vnNumber(part.value)}</strong> ({vnPercent(part.value, total)})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
