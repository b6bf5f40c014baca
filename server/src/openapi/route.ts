import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** One documented HTTP route. */
export interface Route {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  public?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Media type of the body; JSON unless said (an upload is `multipart/form-data`). */
  bodyType?: string;
  status?: number;
  response?: z.ZodType;
  errors?: number[];
}
