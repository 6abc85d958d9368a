import { describe, expect, it } from '@jest/globals';
import { diffSnapshots } from './diff';

describe('diffSnapshots', () => {
  it('When nested fields change, then each appears once as a dotted path, sorted', () => {
    const before = { name: '张律师', address: { city: '南京', district: '玄武区' }, districts: ['玄武区'] };
    const after = { name: '张律师', address: { city: '南京', district: '秦淮区' }, districts: ['玄武区', '秦淮区'] };
    expect(diffSnapshots(before, after)).toEqual([
      { path: 'address.district', before: '玄武区', after: '秦淮区' },
      { path: 'districts', before: '["玄武区"]', after: '["玄武区","秦淮区"]' },
    ]);
  });

  it('When only bookkeeping fields differ, then there is no change to show', () => {
    expect(diffSnapshots({ _id: 'a', __v: 1, updatedAt: 'x', name: 'n' }, { _id: 'a', __v: 2, updatedAt: 'y', name: 'n' })).toEqual([]);
  });

  it('When the entity was created, then every field shows as added', () => {
    expect(diffSnapshots(null, { name: '李', yearsInPractice: 5 })).toEqual([
      { path: 'name', before: '', after: '李' },
      { path: 'yearsInPractice', before: '', after: '5' },
    ]);
  });
});
