import { z } from 'zod';

/** A database id on the wire: a positive integer. */
export const Id = z.number().int().positive();

/** A calendar date 'YYYY-MM-DD' (shape only; rules check that the date exists). */
export const IsoDateShape = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Who a device is: what its token lets it do. */
export const ROLES = ['kiosk', 'counter', 'display', 'admin'] as const;
export type Role = (typeof ROLES)[number];
