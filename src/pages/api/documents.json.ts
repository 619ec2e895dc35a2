import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { jsonResponse, siteUrl } from '../../data/responses.ts';
import { apiDocuments } from '../../lib/api-documents.ts';

/** `/api/documents.json`: documents, versions, dates, comparisons and directions. */
export const GET: APIRoute = async (context) => jsonResponse(apiDocuments(await getSite(), siteUrl(context)));
