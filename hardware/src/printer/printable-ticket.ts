import { z } from 'zod';

/** Thermal paper widths the product supports, in millimetres. */
export type PaperWidth = 80 | 58;

/** Printable dots across the paper at 203 dpi: 72 mm of 80 mm paper, 48 mm of 58 mm paper. */
export const PAPER_DOTS: Record<PaperWidth, number> = { 80: 576, 58: 384 };

/**
 * What goes on a paper ticket (K4). Lengths are bounded so one ticket cannot grow into
 * metres of paper; the QR URL is printable ASCII because `GS ( k` stores raw bytes and phones
 * open only http(s) links.
 */
export const PrintableTicket = z.object({
  centreName: z.string().trim().min(1).max(200),
  serviceName: z.string().trim().min(1).max(300),
  /** The number as called: "1001", or "A001" in the letter-prefixed format. */
  label: z.string().trim().min(1).max(12),
  /** Epoch milliseconds; printed as dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
  issuedAt: z.number().int().nonnegative(),
  ahead: z.number().int().min(0),
  /** Null when no counter is open for the service. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  priorityName: z.string().trim().min(1).max(100).nullable(),
  qrUrl: z
    .string()
    .max(1000)
    .regex(/^https?:\/\/[\x21-\x7e]+$/),
  notice: z.string().trim().max(300),
});
export type PrintableTicket = z.infer<typeof PrintableTicket>;
