import type { RelationshipPath } from '../api/fragments';
import type { MapGraph, MapNode } from '../map/graph-model';
import type { StakeholderMap } from '../map/stakeholder-map';

export const TABS = ['details', 'reach', 'deals', 'influence', 'partner'] as const;
export type TabName = (typeof TABS)[number];

/** What the views may ask of the explorer: the map and the side panel's focus. */
export interface Explorer {
  readonly map: StakeholderMap;
  /** Draws the network around this organization, person or user as a new map. */
  open(node: MapNode): Promise<void>;
  /** Adds the node's own network to the map (the double-click). */
  expand(node: MapNode): Promise<void>;
  /** Selects a node on the map and shows it in the side panel. */
  focus(node: MapNode, tab?: TabName): void;
  /** Replaces the map with a graph made from an API answer (e.g. a partner's coverage). */
  showGraph(graph: MapGraph, caption: string): void;
  /** Highlights a path on the map (adding its nodes when they are not drawn yet). */
  highlightPath(path: RelationshipPath): void;
}
