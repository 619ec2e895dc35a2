/**
 * Responses of the site's static endpoints (feeds, API, sitemap): serialised from trees and
 * data built by the core, never assembled as strings.
 */
import type { Root } from 'xast';
import { jsonText, xmlText } from '#publish/file-text.ts';

/** The URL the site is published at (`site` in astro.config.mjs, from `SITE_URL`). */
export function pageSiteUrl(context: { site: URL | undefined }): URL {
  if (!context.site) throw new Error('astro.config.mjs has no `site`: set SITE_URL to the absolute URL the site is published at');
  return context.site;
}

/** An XML document response from an xast tree. */
export function xmlResponse(tree: Root, type = 'application/xml'): Response {
  return new Response(xmlText(tree), { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

/** A JSON response, indented so people can read it too. */
export function jsonResponse(data: unknown): Response {
  return new Response(jsonText(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/** A Word document response. */
export function docxResponse(bytes: Uint8Array): Response {
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
}
