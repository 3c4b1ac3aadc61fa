// The esbuild recipe's Node app (--platform=node): prints the headlines it parses.
import { parse, version } from 'gleaner';

const doc = parse('-\nFirst headline from the bundle\n-\nSecond headline from the bundle\n');
console.log(JSON.stringify({ version: version(), headlines: doc.headlines.map((h) => h.text) }));
