import type zh from '../zh-CN/live';
import type { Shape } from '../shape';

const live: Shape<typeof zh> = {
  attendanceState: {
    not_yet_due: 'Not yet due',
    due: 'Due',
    checked_in: 'Checked in',
    late: 'Late',
    absent: 'Absent',
    checked_out: 'Checked out',
    left_early: 'Left early',
  },
  live: {
    title: 'Live board',
    subtitle: 'Who is expected at every post now and next, and who has arrived, updated live',
    connected: 'Live',
    disconnected: 'Connection lost, reconnecting…',
    updatedAt: 'Updated {time}',
    refresh: 'Refresh',
    current: 'Current shift',
    next: 'Next shift',
    noShift: 'No shift',
    noLawyer: 'Nobody assigned',
    total: 'Total',
    byDistrict: 'By district',
    byKind: 'By kind',
    district: 'District',
    kind: 'Kind',
    state: 'State',
    search: 'Post or lawyer name',
    allDistricts: 'All districts',
    allKinds: 'All kinds',
    allStates: 'All states',
    list: 'List',
    map: 'Map',
    empty: 'No post matches the filters',
    noLocation: '{n} posts have no coordinates and are not on the map',
    noTiles: 'No map tiles are configured: the posts are listed by district (see “Map tiles” in the README)',
    clusterTitle: '{n} posts here; click to zoom in',
    checkedInAt: 'In at {time}',
    checkedOutAt: 'Out at {time}',
    posts: '{n} posts',
  },
};

export default live;
