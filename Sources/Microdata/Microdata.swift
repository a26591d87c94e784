// The Microdata module. (Its files arrive with the issue that builds it.)
