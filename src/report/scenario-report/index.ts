/** The scenario report: data → HTML / Markdown (pure); PDF printing lives in `print-pdf.ts`. */
export {
  buildReport,
  type Lever,
  type Report,
  type ReportInput,
  type SensitivitySection,
} from './report-data.ts';
export { renderReportHtml } from './html.ts';
export { renderReportMarkdown } from './markdown.ts';
