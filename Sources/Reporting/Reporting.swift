// The Reporting module. (Its files arrive with the issue that builds it.)
