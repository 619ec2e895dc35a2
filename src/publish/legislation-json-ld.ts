import type { Legislation, WithContext } from 'schema-dts';
import type { DirectionRecord, DocumentRecord, VersionRecord } from '#model/site-model.ts';
import { compareVersions } from '#model/version-order.ts';
import { absoluteUrl, directionUrl, versionUrl } from './urls.ts';

/** Where a version stands in law, in schema.org's words (`LegalForceStatus`). */
function legalForce(version: VersionRecord): 'https://schema.org/InForce' | 'https://schema.org/NotInForce' {
  return version.state === 'in-effect' ? 'https://schema.org/InForce' : 'https://schema.org/NotInForce';
}

/**
 * A version page's schema.org `Legislation` (JSON-LD): the document's SEC reference and version
 * as identifier, its designation date and the date it took effect, whether it is in force on
 * the build date, the direction that made it law (`legislationConsolidates`) and who made it
 * (`legislationPassedBy`), and the version it replaced (`isBasedOn`). Property names are
 * checked against schema.org's vocabulary by the `schema-dts` types.
 */
export function legislationJsonLd(document: DocumentRecord, version: VersionRecord, direction: DirectionRecord | undefined, site: URL | string): WithContext<Legislation> {
  const url = absoluteUrl(versionUrl(document.id, version.version), site);
  const previous = previousDesignated(document, version);
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': url,
    url,
    name: `${document.title} (${document.shortName}) v${version.version}`,
    alternateName: `SEC ${document.secReference} v${version.version}`,
    legislationIdentifier: `SEC ${document.secReference} v${version.version}`,
    legislationType: version.status === 'designated' ? 'Designated subsidiary document of the Smart Energy Code' : 'Consultation draft',
    legislationJurisdiction: 'GB',
    inLanguage: 'en-GB',
    ...(version.designated ? { legislationDate: version.designated } : version.published ? { datePublished: version.published } : {}),
    ...(version.effective ? { legislationDateVersion: version.effective } : {}),
    legislationLegalForce: legalForce(version),
    ...(direction
      ? {
          legislationPassedBy: { '@type': 'Person', name: direction.onBehalfOf ?? 'Secretary of State' },
          legislationResponsible: { '@type': 'Organization', name: direction.issuer },
          legislationConsolidates: { '@type': 'Legislation', '@id': absoluteUrl(directionUrl(direction.id), site), name: direction.title, legislationDate: direction.date },
        }
      : {}),
    ...(previous ? { isBasedOn: { '@type': 'Legislation', '@id': absoluteUrl(versionUrl(document.id, previous.version), site) } } : {}),
    isPartOf: { '@type': 'Legislation', name: 'Smart Energy Code', legislationIdentifier: 'SEC' },
  };
}

/** The designated version before this one (for a draft: the designated version it was drafted against). */
function previousDesignated(document: DocumentRecord, version: VersionRecord): VersionRecord | undefined {
  return document.versions
    .filter((v) => v.status === 'designated' && v !== version && compareVersions(v.version, version.version) < 0)
    .sort((a, b) => compareVersions(a.version, b.version))
    .at(-1);
}
