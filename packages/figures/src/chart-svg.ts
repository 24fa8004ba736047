import { createHash } from 'node:crypto';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { FigureError } from './figure-error.js';
import { estimateTextWidth } from './text-width.js';

// Only the parts these charts use: ECharts' full build is several times larger.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);
// Layout (label rotation, legend spacing) measures text; there is no canvas on the server.
echarts.setPlatformAPI({
  measureText: (text: string, font?: string) => ({
    width: estimateTextWidth(text, Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? FONT_SIZE)),
  }),
});

/** The kinds of chart a document can hold. */
export type ChartKind = 'BAR' | 'GROUPED_BAR' | 'LINE' | 'PIE';

/** One series of numbers, one per category. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
}

/** A chart as a document gives it: categories along the axis (or the slices of a pie), series of numbers. */
export interface ChartSpec {
  readonly kind: ChartKind;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** The category axis' name, e.g. "ตัวชี้วัด". */
  readonly categoryLabel?: string | null;
  /** The value axis' name, e.g. "คะแนน". */
  readonly valueLabel?: string | null;
}

/** Options of {@link chartSvg}. */
export interface ChartSvgOptions {
  /** The CSS font family every label is drawn in: the page's embedded face, so labels print as real text. */
  readonly fontFamily: string;
  /**
   * Drawing size in CSS pixels; the SVG scales to its box (viewBox), so only the proportions and text size matter.
   * Default 640 wide; the height follows the chart (a row per category when bars lie down).
   */
  readonly width?: number;
  readonly height?: number;
}

const TEXT_COLOR = '#000';
const FONT_SIZE = 18;
/** Values on bars and points, a little smaller so neighbouring bars' values stay apart. */
const VALUE_FONT_SIZE = 15;

/**
 * Draws a chart as an SVG element with Apache ECharts' server-side SVG renderer: no script runs in the page, labels
 * and values are `<text>` in the given face (pdftotext reads them), every category is labelled and every bar, point
 * and slice carries its value. Digits are printed as given; the page's digit pass turns them into the document's.
 *
 * @throws FigureError when the series do not fit the categories or the kind.
 *
 * @example
 * ```ts
 * chartSvg(
 *   { kind: 'BAR', categories: ['ก', 'ข'], series: [{ name: 'คะแนน', values: [85.5, 90] }] },
 *   { fontFamily: 'Document Face' },
 * ) // '<svg width="640" height="320" … ><text …>85.5</text> …</svg>'
 * ```
 */
export function chartSvg(spec: ChartSpec, options: ChartSvgOptions): string {
  checkChart(spec);
  const width = options.width ?? 640;
  const height = options.height ?? chartHeight(spec, width);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, options.fontFamily, width));
    return sameForSameChart(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * Checks that a chart can be drawn: at least one category and series, one series for BAR and PIE, a finite number
 * per category in every series (none negative in a pie).
 *
 * @throws FigureError naming the field, e.g. "series[1].values".
 *
 * @example
 * ```ts
 * checkChart({ kind: 'PIE', categories: ['ก'], series: [{ name: 'x', values: [1, 2] }] })
 * // throws FigureError: series[0].values has 2 values for 1 categories
 * ```
 */
export function checkChart(spec: ChartSpec): void {
  if (spec.categories.length === 0) throw new FigureError('categories', 'a chart needs at least one category');
  if (spec.series.length === 0) throw new FigureError('series', 'a chart needs at least one series');
  if ((spec.kind === 'BAR' || spec.kind === 'PIE') && spec.series.length !== 1) {
    throw new FigureError('series', `a ${spec.kind} chart has one series (got ${spec.series.length}); use GROUPED_BAR`);
  }
  spec.series.forEach((series, index) => {
    if (series.values.length !== spec.categories.length) {
      throw new FigureError(
        `series[${index}].values`,
        `has ${series.values.length} values for ${spec.categories.length} categories`,
      );
    }
    const bad = series.values.findIndex((value) => !Number.isFinite(value) || (spec.kind === 'PIE' && value < 0));
    if (bad >= 0) throw new FigureError(`series[${index}].values[${bad}]`, 'is not a number this chart can draw');
  });
}

function chartOption(spec: ChartSpec, fontFamily: string, width: number): echarts.EChartsCoreOption {
  const textStyle = { fontFamily, fontSize: FONT_SIZE, color: TEXT_COLOR };
  // A pie names each slice beside it; bars and lines need a legend for more than one series.
  const legend = spec.series.length > 1 && spec.kind !== 'PIE';
  const common = {
    animation: false,
    textStyle,
    legend: legend ? { top: 0, textStyle, itemGap: 24 } : undefined,
  };
  if (spec.kind === 'PIE') {
    const [series] = spec.series;
    return {
      ...common,
      series: [
        {
          type: 'pie',
          name: series?.name,
          radius: '70%',
          center: ['50%', '50%'],
          label: { ...textStyle, formatter: '{b}\n{c}' },
          data: spec.categories.map((name, index) => ({ name, value: series?.values[index] })),
        },
      ],
    };
  }
  const axisName = (name: string | null | undefined) => (name ? { name, nameTextStyle: textStyle } : {});
  const layout = chartLayout(spec, width);
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    // Every category is labelled: ECharts would skip those it thinks collide.
    axisLabel: { ...textStyle, interval: 0, rotate: layout.rotate },
    axisLine: { lineStyle: { color: TEXT_COLOR } },
    // The first category on top when the bars lie down, as a table reads.
    inverse: layout.horizontal,
    ...axisName(spec.categoryLabel),
    nameLocation: layout.horizontal ? 'end' : 'middle',
    nameGap: layout.rotate ? layout.widest / 2 + 24 : 36,
  };
  const valueAxis = {
    type: 'value',
    axisLabel: textStyle,
    ...axisName(spec.valueLabel),
    // Under the axis when the bars lie down; above it, at its top, when they stand.
    ...(layout.horizontal ? { nameLocation: 'middle', nameGap: 32 } : {}),
  };
  return {
    ...common,
    grid: {
      left: 28,
      right: layout.horizontal ? 64 : 32,
      top: legend ? 72 : 40,
      // Room under the axis for its labels, whose Thai marks below the line ECharts does not measure.
      bottom: (layout.horizontal ? spec.valueLabel : spec.categoryLabel) ? 56 : 32,
    },
    xAxis: layout.horizontal ? valueAxis : categoryAxis,
    yAxis: layout.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series) => ({
      type: spec.kind === 'LINE' ? 'line' : 'bar',
      name: series.name,
      data: [...series.values],
      label: {
        show: true,
        position: layout.horizontal ? 'right' : 'top',
        ...textStyle,
        fontSize: VALUE_FONT_SIZE,
      },
    })),
  };
}

/** How the categories fit along the axis of a bar or line chart. */
interface ChartLayout {
  /** Bars laid down, their labels beside them: labels too wide to stand under their bars. */
  readonly horizontal: boolean;
  /** Degrees to turn the category labels of a line chart that do not fit under their points. */
  readonly rotate: number;
  /** The widest label line's width. */
  readonly widest: number;
}

/**
 * Labels wider than their share of the axis cannot stand under it: Thai has no spaces to wrap at, and turned text
 * reads badly (pdftotext scrambles it), so bars lie down with their labels beside them; a line chart turns its
 * labels. "\n" in a label breaks it.
 */
function chartLayout(spec: ChartSpec, width: number): ChartLayout {
  const widest = Math.max(
    ...spec.categories.flatMap((category) => category.split('\n').map((line) => estimateTextWidth(line, FONT_SIZE))),
  );
  const crowded = widest > (0.85 * width) / spec.categories.length;
  const horizontal = crowded && spec.kind !== 'LINE';
  return { horizontal, rotate: crowded && !horizontal ? 30 : 0, widest };
}

/** The drawing's height: a pie and upright charts keep a fixed shape, lying bars take a row each. */
function chartHeight(spec: ChartSpec, width: number): number {
  if (spec.kind === 'PIE') return 340;
  if (!chartLayout(spec, width).horizontal) return 320;
  const legend = spec.series.length > 1 ? 72 : 40;
  return legend + 48 + spec.categories.length * (12 + 28 * spec.series.length);
}

/**
 * ECharts names each chart's CSS classes after counters that run on across the process ("zr7-cls-12"): the same
 * chart drawn twice would differ, and so would the page and its render cache key. Renamed in order of appearance,
 * after the drawing itself, the same chart is the same SVG, and two different charts on one page keep apart.
 */
function sameForSameChart(svg: string): string {
  const CLASS = /\bzr\d+-cls-\d+\b/g;
  const order = [...new Set(svg.match(CLASS))];
  const numbered = (prefix: string) => svg.replace(CLASS, (name) => `${prefix}-${order.indexOf(name)}`);
  const name = createHash('sha256').update(numbered('zr')).digest('hex').slice(0, 12);
  return numbered(`zr${name}`);
}
