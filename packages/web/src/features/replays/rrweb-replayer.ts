// rrweb's replayer and its stylesheet (cursor, click ripple), imported only by the player's lazy
// import so that neither reaches the main bundle.
import '@rrweb/replay/dist/style.css';

export { Replayer } from '@rrweb/replay';
