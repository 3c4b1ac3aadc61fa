import 'gleaner/worker';
