import { jestProject } from '../../jest.shared.js';

export default jestProject({ name: 'metrics', dir: import.meta.dirname });
