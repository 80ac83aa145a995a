import type { ApplicationField } from '@/lib/application/schema';

export const fieldId = (field: ApplicationField) => `apply-${field}`;
