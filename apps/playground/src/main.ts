import './styles.css';
import { Controller } from './controller';

const part = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}`);
  return element;
};

new Controller({
  controls: part('controls'),
  boundaries: part('boundaries'),
  chart: part('chart'),
  network: part('network'),
  networkTitle: part('network-title'),
  graph: part('graph'),
  graphTitle: part('graph-title'),
  epoch: part('epoch'),
  rate: part('rate'),
  parameters: part('parameters'),
});
