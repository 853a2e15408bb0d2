import { jestProject } from '../../jest.shared.js';

export default jestProject({ name: 'contracts', dir: import.meta.dirname });
