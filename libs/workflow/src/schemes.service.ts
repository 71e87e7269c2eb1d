import { Injectable } from '@nestjs/common';
import { DEFAULT_SCHEME, ScoringScheme } from '@app/domain';
import { Database, ScoringRepository } from '@app/persistence';

/** A scheme version nobody registered: the client's mistake (422), not a server fault. */
export class SchemeNotFoundError extends Error {
  constructor(readonly version: string) {
    super(`评分方案“${version}”未登记`);
    this.name = 'SchemeNotFoundError';
  }
}

/**
 * Scoring schemes by version (DESIGN §4: a scheme is data, chosen per campaign). The default scheme
 * of this release is stored on start, so that every stored score names a scheme that exists.
 */
@Injectable()
export class SchemesService {
  private readonly cache = new Map<string, ScoringScheme>([[DEFAULT_SCHEME.version, DEFAULT_SCHEME]]);

  constructor(
    private readonly scoring: ScoringRepository,
    db: Database,
  ) {
    db.onReady('register-default-scheme', () => this.scoring.registerScheme(DEFAULT_SCHEME.version, DEFAULT_SCHEME));
  }

  /** The scheme of a campaign: its own version, or the default. */
  async forCampaign(schemeVersion: string | null): Promise<ScoringScheme> {
    const version = schemeVersion ?? DEFAULT_SCHEME.version;
    const known = this.cache.get(version);
    if (known) return known;
    const stored = (await this.scoring.scheme(version)) as ScoringScheme | null;
    if (!stored) throw new SchemeNotFoundError(version);
    this.cache.set(version, stored);
    return stored;
  }
}
