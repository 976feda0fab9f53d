/**
 * What other packages (bench/, tools) use of the hub, as `@luot/hub-server`: start one, or open its
 * database and use a service in-process. The `luot` command is built from src/cli/main.ts instead.
 */
export { BUILT_APPS, startHub, type DemoTokens, type RunningHub, type StartOptions } from './main';
export type { Hub, HubDeps } from './hub';
export { openDatabase, type Db, type OpenOptions } from './db/open';
export { createDossierService, type DossierService } from './features/dossiers/dossier-service';
export { createSpeech, type SpeechOptions } from './features/speech/create-speech';
export { SpeechBusyError, SpeechError, type SpeechEngine } from './features/speech/speech-engine';
export { openApiDocument, type OpenApiDocument } from './http/openapi';
export { rawRouteTable } from './http/route-table';
export { seedDemoCentre } from './demo/seed';
export { createCentreRepository, type CentreRepository } from './features/centre/centre-repository';
export { createDeviceRepository, type DeviceRepository } from './features/devices/device-repository';
export { createOfficerRepository, type OfficerRepository } from './features/officers/officer-repository';
