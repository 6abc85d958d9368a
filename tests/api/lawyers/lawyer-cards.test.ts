import { LawyerCardModel } from '../../../api/src/modules/lawyers/lawyer-cards.model';
import { findLawyerCards, rebuildCards, saveCards } from '../../../api/src/modules/lawyers/lawyer-cards.repository';
import { LawyerModel } from '../../../api/src/modules/lawyers/lawyers.model';
import { useTestDatabase } from '../../support/db';
import { createAccount, eligibleLawyer, manualClock, useApp, type Client } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-06-01T02:00:00Z');
const app = useApp(() => ({ clock }));
let staff: Client;

beforeAll(async () => {
  await createAccount('coord', 'coordinator');
  staff = await app.as('coord');
});

describe('lawyer cards', () => {
  it('when a lawyer is registered and then renamed, then the card names them as their dossier does', async () => {
    const created = await staff.post('/lawyers', eligibleLawyer(701));
    const id = created.body.lawyer.id as string;
    expect(await LawyerCardModel.findById(id).lean()).toEqual({ _id: id, name: created.body.lawyer.name, firm: created.body.lawyer.firm, licenceNumber: created.body.lawyer.licenceNumber });
    expect((await staff.patch(`/lawyers/${id}`, { name: '改名律师', firm: '新所律师事务所' })).status).toBe(200);
    expect(await findLawyerCards([id])).toEqual([{ id, name: '改名律师', firm: '新所律师事务所', licenceNumber: created.body.lawyer.licenceNumber }]);
    expect((await findLawyerCards()).map((c) => c.id)).toContain(id);
  });

  it('when a lawyer has no card (written before cards existed), then asking by id reads the lawyer once and keeps the card; a rebuild covers everyone', async () => {
    const id = (await staff.post('/lawyers', eligibleLawyer(702))).body.lawyer.id as string;
    await LawyerCardModel.deleteMany({});
    expect(await findLawyerCards()).toEqual([]);
    const [card] = await findLawyerCards([id, '0123456789abcdef01234567', 'not-an-id']);
    expect(card).toMatchObject({ id, licenceNumber: eligibleLawyer(702).licenceNumber });
    expect(await LawyerCardModel.countDocuments()).toBe(1);
    expect(await rebuildCards()).toBe(await LawyerModel.countDocuments());
    expect(await LawyerCardModel.countDocuments()).toBe(await LawyerModel.countDocuments());
  });

  it('when more cards than one write command may update are written twice, then both writes finish (FerretDB holds a connection per matched update)', async () => {
    const many = Array.from({ length: 130 }, (_, i) => ({ _id: `6600000000000000000${String(i).padStart(5, '0')}`, name: `律师${i}`, firm: '所', licenceNumber: `L${i}` }));
    await saveCards(many);
    await saveCards(many.map((c) => ({ ...c, firm: '新所' })));
    expect(await LawyerCardModel.countDocuments({ firm: '新所' })).toBe(130);
  });
});
