import * as z from 'zod/mini';

// What the resume preview frame (features/resumes/viewer/frame.mjs) may say to the admin page. The frame renders
// a candidate's file, so the page trusts nothing it says beyond this shape. (zod/mini: it ships to the browser.)
export const frameMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z
    .object({
      type: z.literal('state'),
      page: z.int().check(z.minimum(1)),
      pages: z.int().check(z.minimum(1), z.maximum(100_000)),
      scale: z.number().check(z.minimum(0.1), z.maximum(10)),
      fitWidth: z.boolean(),
    })
    .check(z.refine((state) => state.page <= state.pages)),
  z.object({ type: z.literal('error'), reason: z.enum(['password', 'unreadable']) }),
]);

export type FrameMessage = z.infer<typeof frameMessageSchema>;

/** What the page may ask of the frame (the frame checks these again). */
export const VIEWER_ACTIONS = ['previous', 'next', 'zoom-out', 'zoom-in', 'fit-width'] as const;
export type ViewerAction = (typeof VIEWER_ACTIONS)[number];
