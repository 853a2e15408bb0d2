import { CreateWorkspace1764136800000 } from './1764136800000-create-workspace.js';

/** Every migration in the order it runs. New migrations are appended, never edited. */
export const migrations = [CreateWorkspace1764136800000];
