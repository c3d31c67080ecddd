package com.example;

import workbook.runner.platform.ConcurrencyCatalog;

/** The workbook's catalog, run with this build's tests: a test per pitfall's broken example and fix. */
@ConcurrencyCatalog
class ConcurrencyCatalogTest {
}
