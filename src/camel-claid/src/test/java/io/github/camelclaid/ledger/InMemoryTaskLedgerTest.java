package io.github.camelclaid.ledger;

class InMemoryTaskLedgerTest extends TaskLedgerContract {

    @Override
    protected TaskLedger newLedger() {
        return new InMemoryTaskLedger();
    }

    @Override
    protected TaskLedger reopen() {
        return null;
    }
}
