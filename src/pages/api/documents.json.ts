import type { APIRoute } from 'astro';
import { getSite } from '#data/site.ts';
import { jsonResponse, pageSiteUrl } from '#data/responses.ts';
import { apiDocuments } from '#publish/api-documents.ts';

/** `/api/documents.json`: documents, versions, dates, comparisons and directions. */
export const GET: APIRoute = async (context) => jsonResponse(apiDocuments(await getSite(), pageSiteUrl(context)));
