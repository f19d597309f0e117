import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES025 identifier longer than 63 bytes', () => {
  it('points at a long table name given in @wes_table(name:)', () => {
    const result = compileShop(`type Customer @wes_table(name: "customers_with_a_really_really_long_name_that_postgres_truncates") {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [
      {
        code: 'WES025',
        line: 1,
        column: 32,
        mentions: ['customers_with_a_really_really_long_name_that_postgres_truncates', '64 bytes'],
        help: 'shorter',
      },
    ]);
  });

  it('points at a type or field whose derived name is too long', () => {
    const result = compileShop(`type CustomerLoyaltyProgrammeMembershipTierHistoryEntryWithAuditTrail @wes_table {
  id: ID! @wes_pk
  pointsEarnedFromPromotionalCampaignsDuringTheCurrentCalendarYear: Int
}`);
    expectDiagnostics(result, [
      { code: 'WES025', line: 1, column: 6, mentions: 'customer_loyalty_programme_membership_tier_history_entry_with_audit_trail' },
      { code: 'WES025', line: 3, column: 3, mentions: 'points_earned_from_promotional_campaigns_during_the_current_calendar_year' },
    ]);
  });

  it('points at a long constraint name given in a check or a foreign key', () => {
    const result = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
}
type Order @wes_table {
  id: ID! @wes_pk
  total: Decimal! @wes_check(expr: "total >= 0", name: "order_total_must_never_be_negative_even_after_refunds_and_discounts")
  customerId: ID! @wes_fk(ref: "Customer.id", name: "order_customer_id_references_the_customer_who_placed_the_order_fk")
}`);
    expectDiagnostics(result, [
      { code: 'WES025', line: 6, column: 56, mentions: 'order_total_must_never_be_negative_even_after_refunds_and_discounts' },
      { code: 'WES025', line: 7, column: 53, mentions: 'order_customer_id_references_the_customer_who_placed_the_order_fk' },
    ]);
  });

  it('points at an empty table name', () => {
    const result = compileShop(`type Customer @wes_table(name: "") {
  id: ID! @wes_pk
}`);
    expectDiagnostics(result, [{ code: 'WES025', line: 1, column: 32, mentions: 'empty' }]);
  });
});

describe('WES025 for enum types', () => {
  it('points at an enum whose type name is longer than 63 bytes', () => {
    const result = compileShop(`enum CustomerLoyaltyProgrammeMembershipTierNamesForTheQuarterlyReport { GOLD }
type Customer @wes_table {
  id: ID! @wes_pk
  tier: CustomerLoyaltyProgrammeMembershipTierNamesForTheQuarterlyReport
}`);
    expectDiagnostics(result, [
      {
        code: 'WES025',
        line: 1,
        column: 6,
        mentions: ['customer_loyalty_programme_membership_tier_names_for_the_quarterly_report', '73 bytes'],
      },
    ]);
  });

  it('points at each enum label longer than 63 bytes, and accepts one of exactly 63', () => {
    const label63 = `A${'B'.repeat(62)}`;
    const result = compileShop(`enum Tier {
  GOLD
  ${label63}
  ${label63}C
  PLATINUM_MEMBERSHIP_TIER_FOR_CUSTOMERS_WHO_SPENT_MORE_THAN_A_MILLION
}
type Customer @wes_table {
  id: ID! @wes_pk
  tier: Tier
}`);
    expectDiagnostics(result, [
      { code: 'WES025', line: 4, column: 3, mentions: [`${label63}C`, '64 bytes'], help: 'shorter label' },
      {
        code: 'WES025',
        line: 5,
        column: 3,
        mentions: ['PLATINUM_MEMBERSHIP_TIER_FOR_CUSTOMERS_WHO_SPENT_MORE_THAN_A_MILLION', '68 bytes'],
      },
    ]);
  });
});
