/**
 * Server-rendered, accessible SVG charts for the progress dashboards and the status report.
 * Pure functions returning SVG strings (no DOM, no client JavaScript); see svg.ts for the layout
 * and accessibility rules they share.
 */
export { barChart, tierDistribution, completionBar, TIER_FILLS, type BarItem, type BarChartOptions, type TierDistributionOptions, type CompletionOptions } from './bars';
export { groupedBarChart, type Series, type GroupedBarOptions } from './grouped';
export { trendChart, type TrendOptions } from './trend';
export { numberFormat, yearFormat, esc, COLOURS, type ChartBase, type Dir } from './svg';
