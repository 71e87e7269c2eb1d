// Entry point for the typeorm CLI (`npm run typeorm -- migration:show -d libs/persistence/src/data-source.ts`).
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
