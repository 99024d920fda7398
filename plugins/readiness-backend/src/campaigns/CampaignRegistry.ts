import fs from 'node:fs/promises';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { TrackProblem } from '@readiness-io/plugin-readiness-common';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { CampaignDefinition, parseCampaign } from './parseCampaign';

/**
 * The campaigns, loaded and checked against the tracks once at start-up. A file that cannot be read or has an error
 * is a problem (file and path), left out; the others load.
 */
export class CampaignRegistry {
  /** Loads `readiness.campaigns.files`: local paths relative to `rootDir`, http(s) URLs through the UrlReader. */
  static async load(options: {
    files: string[];
    reader: UrlReaderService;
    rootDir: string;
    tracks: TrackRegistry;
  }): Promise<CampaignRegistry> {
    const campaigns: CampaignDefinition[] = [];
    const problems: TrackProblem[] = [];
    for (const [index, entry] of options.files.entries()) {
      const isUrl = /^https?:\/\//.test(entry);
      const source = isUrl ? entry : path.resolve(options.rootDir, entry);
      let text: string;
      try {
        text = isUrl
          ? (await (await options.reader.readUrl(entry)).buffer()).toString(
              'utf8',
            )
          : await fs.readFile(source, 'utf8');
      } catch (error) {
        problems.push({
          source,
          message: `readiness.campaigns.files[${index}]: cannot read ${source}: ${
            (error as Error).message
          }`,
        });
        continue;
      }
      try {
        const campaign = parseCampaign(text, source, options.tracks);
        const other = campaigns.find(c => c.id === campaign.id);
        if (other) {
          problems.push({
            source,
            message: `readiness campaign '${campaign.id}' is defined twice: in ${other.source} and in ${source}`,
          });
        } else campaigns.push(campaign);
      } catch (error) {
        problems.push({ source, message: (error as Error).message });
      }
    }
    return new CampaignRegistry(campaigns, problems);
  }

  constructor(
    private readonly campaigns: CampaignDefinition[],
    private readonly loadProblems: TrackProblem[] = [],
  ) {}

  list(): CampaignDefinition[] {
    return this.campaigns;
  }

  get(id: string): CampaignDefinition | undefined {
    return this.campaigns.find(c => c.id === id);
  }

  problems(): TrackProblem[] {
    return this.loadProblems;
  }
}
