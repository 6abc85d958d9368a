import { HotlineCallModel, type HotlineCallDoc } from './hotline.model';

export async function insertCall(fields: Omit<HotlineCallDoc, '_id'>): Promise<string> {
  const doc = await HotlineCallModel.create(fields);
  return doc._id.toHexString();
}
