import { UrlReaderService } from '@backstage/backend-plugin-api';
import { TrackProblem } from '@readiness-io/plugin-readiness-common';
import { TrackRegistry } from '../scorecards/tracks/TrackRegistry';
import { readConfiguredFiles } from '../scorecards/tracks/configuredFiles';
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
    for (const file of await readConfiguredFiles(
      options.files,
      'readiness.campaigns.files',
      options,
    )) {
      if ('problem' in file) {
        problems.push(file.problem);
        continue;
      }
      const { source, text } = file;
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
