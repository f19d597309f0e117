import { unplugin } from './core/index.js';

export default unplugin.webpack;
