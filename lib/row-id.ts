import { z } from 'zod';

/** The largest id a table holds: ids are `integer` on PostgreSQL, and a larger one in a query is its error. */
export const ROW_ID_MAX = 2_147_483_647;

/** A row's id as a form field, a query parameter or a path segment sends it: a whole number from 1 to ROW_ID_MAX. */
export const rowId = z.coerce.number().int().positive().max(ROW_ID_MAX);
