/** A report in the format asked for, with its content type and file extension. */
import { renderReportHtml } from './html.ts';
import { renderReportMarkdown } from './markdown.ts';
import { htmlToPdf } from './print-pdf.ts';
import type { Report } from './report-data.ts';

export type ReportFormat = 'html' | 'md' | 'pdf';

export const REPORT_TYPES: Record<ReportFormat, { contentType: string; ext: string }> = {
  html: { contentType: 'text/html; charset=utf-8', ext: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', ext: 'md' },
  pdf: { contentType: 'application/pdf', ext: 'pdf' },
};

export async function renderReport(
  report: Report,
  format: ReportFormat,
  options: { executablePath?: string } = {},
): Promise<string | Uint8Array> {
  if (format === 'md') return renderReportMarkdown(report);
  const html = renderReportHtml(report);
  return format === 'html' ? html : htmlToPdf(html, options);
}
